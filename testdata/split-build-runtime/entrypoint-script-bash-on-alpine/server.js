require("http").createServer((q,r)=>r.end("hi")).listen(process.env.PORT)
