const express = require('express');
const app = express();
app.get('/hello', (req, res) => res.json({ greeting: `hello ${req.query.name || 'world'}` }));
// a health answer with a field that changes on every request (verify: --compare json --ignore-json /uptime)
app.get('/health', (req, res) => res.json({ status: 'ok', app: process.env.APP_NAME || 'unnamed', uptime: process.uptime() }));
app.listen(3000, () => console.log('listening on 3000'));
