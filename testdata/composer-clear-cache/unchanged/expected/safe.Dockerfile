FROM composer:2 AS vendor
WORKDIR /app
RUN composer install --no-dev

FROM php:8.3-fpm
COPY --from=vendor /app/vendor /var/www/vendor
RUN composer install && composer clear-cache
RUN composer.phar update && rm -rf ~/.composer
RUN COMPOSER_CACHE_DIR=/tmp/composer-cache composer require psr/log && rm -rf /tmp/composer-cache
RUN --mount=type=cache,target=/root/.composer/cache composer install
RUN composer dump-autoload --optimize
ENV COMPOSER_CACHE_DIR=/tmp/composer-cache
RUN composer install
