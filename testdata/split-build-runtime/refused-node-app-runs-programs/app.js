const git = require('simple-git')();
require('express')().post('/update', async (req, res) => { await git.pull(); res.send('ok'); }).listen(3000);
