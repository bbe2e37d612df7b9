package dev.whittle.core;

import java.util.List;

/**
 * A pass's metadata, kept next to its code; `whittle rules`, `whittle explain` and the README rule
 * table are generated from it.
 *
 * @param id          kebab-case id, used by --only/--skip and `# whittle ignore=ID`
 * @param title       a few words
 * @param summary     one sentence
 * @param level       the lowest level that runs it
 * @param related     hadolint / BuildKit check ids it resolves (a `# hadolint ignore=` of one suppresses it)
 * @param explanation the longer text of `whittle explain ID`
 */
public record PassInfo(String id, String title, String summary, Level level, List<String> related,
                       String explanation) {}
