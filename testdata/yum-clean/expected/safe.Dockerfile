FROM centos:7
RUN yum install -y epel-release && yum install -y nginx && yum clean all && rm -rf /var/cache/yum
RUN yum -y update && yum clean all
RUN yum install -y \
      python3 \
      git && \
    yum clean all && rm -rf /var/cache/yum
