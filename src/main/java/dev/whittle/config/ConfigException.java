package dev.whittle.config;

/** A config file that does not read, or names something whittle does not know; the message says where. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
