FROM example/app-base:1
RUN chmod 0644 /etc/deployments/orders.sh
