package dev.cerulean.templates;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "code: inner message" of the template error an action raises. */
final class Errors {
    private Errors() {}

    static String of(Runnable action) {
        String[] out = new String[1];
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TemplateException.class,
                e -> out[0] = e.code() + ": " + e.innerMessage());
        return out[0];
    }

    static TemplateException raised(Runnable action) {
        TemplateException[] out = new TemplateException[1];
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TemplateException.class, e -> out[0] = e);
        return out[0];
    }
}
