package main

func main() { println(version()) }
