# the build makes a Python script executable: node's slim image has no python
FROM node:10
WORKDIR /usr/src/app
COPY . .
RUN npm install
RUN chmod +x generate_password_hash.py
CMD ["npm", "start"]
