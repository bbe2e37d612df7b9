FROM debian:bookworm-slim AS base
RUN apt-get update && apt-get install -y --no-install-recommends libpq5

# a builder on top of base installs from base's lists
FROM base AS build
RUN apt-get install -y --no-install-recommends gcc && gcc --version > /version

FROM base
COPY --from=build /version /version
