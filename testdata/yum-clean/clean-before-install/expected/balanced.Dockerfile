FROM centos:7
# the clean runs before the installs (as after RUNs were merged): it cleans nothing they download
RUN yum clean all && yum install -y epel-release && yum install -y nginx && \
    yum clean all && rm -rf /var/cache/yum
