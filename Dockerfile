FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY filmsite filmsite
COPY reviews reviews
COPY people people
RUN pip install --no-cache-dir .
COPY . .
# collectstatic needs settings to load; this throwaway key never reaches a running container.
RUN DJANGO_SECRET_KEY=build-only-key-not-secret-0123456789abcdefghijklmnopqrstuvwxyz \
    DJANGO_ALLOWED_HOSTS=build python manage.py collectstatic --noinput -v0
RUN useradd --create-home filmsite && mkdir -p /data/media && chown filmsite /data/media
USER filmsite
EXPOSE 8000
CMD ["gunicorn", "filmsite.wsgi", "--bind", "0.0.0.0:8000", "--workers", "2"]
