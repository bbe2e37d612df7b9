require("phantomjs-prebuilt")
