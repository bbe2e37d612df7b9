FROM php:8.3-cli
COPY --from=composer:2 /usr/bin/composer /usr/local/bin/composer
WORKDIR /app
COPY composer.json composer.lock ./
RUN composer install --no-dev --optimize-autoloader && composer clear-cache
RUN /usr/local/bin/composer require monolog/monolog && /usr/local/bin/composer clear-cache
RUN composer clear-cache && composer update --no-interaction && composer clear-cache
CMD ["php", "bin/console"]
