# one quoted word keeps its quotes: both forms remove them the same way
FROM alpine:3.22
ENV SECRET='lots and lots of secrets'
ENV GREETING="hello world"
ENV MIXED 'a b' c
CMD ["sh"]
