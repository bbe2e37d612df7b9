const express = require('express');
const app = express();
app.get('/hello', (req, res) => res.json({ greeting: `hello ${req.query.name || 'world'}` }));
app.listen(3000, () => console.log('listening on 3000'));
