# python:3 gives a current Python 3 (3.14 today): not past its end of life, though "3" sorts before 3.10
FROM python:3
CMD ["python", "-m", "http.server"]
