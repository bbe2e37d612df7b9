FROM debian:bookworm
RUN mkdir -p /etc/deployments && touch /etc/deployments/orders.sh
RUN chmod 0644 /etc/deployments/orders.sh
