FROM registry.access.redhat.com/ubi9/ubi-minimal
RUN microdnf install -y tar gzip && microdnf clean all
