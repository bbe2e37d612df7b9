package dev.whittle.core;

/**
 * A file a rewrite adds beside the Dockerfile (a proposed .dockerignore): shown as a new file in the diff, created
 * by {@code --write} only where no file of that name is.
 *
 * @param name its name, relative to the Dockerfile's folder
 * @param text its content
 */
public record NewFile(String name, String text) {}
