# the RUN removes ~/.cache itself (rm -r, no -f): --no-cache-dir would gain nothing and make the rm fail
FROM python:3.12-alpine
RUN pip install flask && pip install gunicorn && rm -r /root/.cache
CMD ["gunicorn", "app:app"]
