# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
COPY a C:/app/
COPY b C:/app/
CMD ["x"]
