#!/bin/sh
cd /opt/app/alerts && exec python main.py
