FROM python:3.12-slim
RUN pip install flask gunicorn
COPY . /app
RUN rm -r /root/.cache/pip
CMD ["gunicorn", "app:app"]
