package org.wcoecom.adapter.rules;

import java.util.List;

/**
 * A business rule a record breaks: its code (CC-PAID-AMOUNT, SCREEN-PROHIBITED, ...), what is
 * wrong in words, and the canonical field paths involved.
 */
public record RuleViolation(String code, String message, List<String> paths) {
}
