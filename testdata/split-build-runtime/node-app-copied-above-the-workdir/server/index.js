require("../")
