# no requirements file in the context to read: not split, since which of the full image's libraries and
# programs the packages load (opencv's libSM, GitPython's git) cannot be told (with a requirements file
# naming psycopg2, lxml ... the runtime gets their libraries)
FROM python:3.12
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
CMD ["gunicorn", "app:app"]
