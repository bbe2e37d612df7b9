module example.com/shop/v2

go 1.22
