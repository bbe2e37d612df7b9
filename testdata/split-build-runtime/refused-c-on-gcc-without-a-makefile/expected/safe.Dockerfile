# gcc carries buildpack-deps' -dev libraries and its own libstdc++: without the Makefile, what the program links is not known
FROM gcc:13
WORKDIR /src
COPY . .
RUN make
ENTRYPOINT ["./swift"]
