package dev.cerulean.templates;

import dev.cerulean.core.error.ApiError;

/**
 * A template the language refuses: Azure's code (almost always {@code InvalidTemplate}), the inner
 * message as ARM words it, and where in the request it sits ({@code path} as ARM writes it in
 * {@code additionalInfo}, e.g. {@code properties.template.resources[1].dependsOn[0]}; line and column
 * when known, else 0). Created only through {@link TemplateErrors}.
 */
public final class TemplateException extends RuntimeException {
    private final int status;
    private final String code;
    private final String path;
    private final int line;
    private final int column;

    TemplateException(int status, String code, String message, String path, int line, int column) {
        super(message, null, false, false); // an expected outcome, not a fault: no stack trace
        this.status = status;
        this.code = code;
        this.path = path;
        this.line = line;
        this.column = column;
    }

    public int status() { return status; }
    public String code() { return code; }
    /** The inner message, without the {@code Deployment template validation failed} wrapper. */
    public String innerMessage() { return getMessage(); }
    public String path() { return path == null ? "" : path; }
    public int line() { return line; }
    public int column() { return column; }

    /** The same error located at {@code newPath}, unless it already knows a more precise place. */
    public TemplateException at(String newPath) {
        if (path != null && !path.isEmpty()) return this;
        return new TemplateException(status, code, getMessage(), newPath, line, column);
    }

    /** The same error at {@code newLine}/{@code newColumn}; a message that said {@code at line '0' and column '0'} now says where. */
    public TemplateException withPosition(int newLine, int newColumn) {
        String message = getMessage();
        if (line == 0 && column == 0 && newLine != 0) {
            message = message.replace("at line '0' and column '0'", "at line '" + newLine + "' and column '" + newColumn + "'");
        }
        return new TemplateException(status, code, message, path, newLine, newColumn);
    }

    /** The wire form a validate or PUT answers with (deployments.md §2.12). */
    public ApiError toApiError() {
        if (!"InvalidTemplate".equals(code)) return ApiError.of(status, code, getMessage()).withTarget(path);
        return ApiError.of(status, code, "Deployment template validation failed: '" + getMessage() + "'.");
    }

    @Override
    public String toString() {
        return "TemplateException[" + code + " at " + path() + ": " + getMessage() + "]";
    }
}
