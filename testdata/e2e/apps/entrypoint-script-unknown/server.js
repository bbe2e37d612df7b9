require("http").createServer((q, r) => r.end(process.env.GREETING + "\n")).listen(3000);
