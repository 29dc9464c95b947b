package org.parley.xccos;

/**
 * The resp element of a reply. Only 200 SUCCESS_OK is seen on the wire; the error codes are
 * HTTP-like with a readable text, because SIPE shows the text to the user verbatim [INF, §9].
 */
public record Result(int code, String text) {

    public static final Result OK = new Result(200, "SUCCESS_OK");

    public static Result badRequest(String text) {
        return new Result(400, text);
    }

    public static Result forbidden(String text) {
        return new Result(403, text);
    }

    public static Result notFound(String text) {
        return new Result(404, text);
    }

    public static Result conflict(String text) {
        return new Result(409, text);
    }

    public static Result tooLarge(String text) {
        return new Result(413, text);
    }

    public static Result notImplemented(String text) {
        return new Result(501, text);
    }

    public static Result internalError(String text) {
        return new Result(500, text);
    }

    public boolean isSuccess() {
        return code == 200;
    }
}
