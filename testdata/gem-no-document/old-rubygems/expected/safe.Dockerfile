# debian:wheezy ships Ruby 1.9.3 with RubyGems 1.8: gem install --no-document would stop with "invalid option"
FROM debian:wheezy
RUN apt-get update && apt-get install -y ruby && gem install fig2coreos
CMD ["fig2coreos"]
