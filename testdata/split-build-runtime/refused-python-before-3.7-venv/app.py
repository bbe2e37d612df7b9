import paramiko
