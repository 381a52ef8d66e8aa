package io.bitforge.core.io;

/**
 * Bad input in one field of a library request: {@code batch}, {@code hardware}, {@code quant}, ... The message is
 * "{@code <field>: <detail>}"; a front end that spells the field differently (the CLI's {@code --batch}) rewrites
 * the prefix from {@link #field()} and keeps {@link #detail()}.
 */
public class BadRequestException extends BadInputException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String detail;

    public BadRequestException(String field, String detail) {
        this(field, detail, null);
    }

    public BadRequestException(String field, String detail, Throwable cause) {
        super(field + ": " + detail, cause);
        this.field = field;
        this.detail = detail;
    }

    /** "{@code <field>: <allowed>, got <value>}", as {@link BadInputException#field} words it. */
    public static BadRequestException of(String field, Object value, String allowed) {
        return new BadRequestException(field, allowed + ", got " + value);
    }

    /** The request field at fault, e.g. {@code batch}. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field. */
    public String detail() {
        return detail;
    }

    /** The same field with more said after the detail (a hint on what to write instead). */
    public BadRequestException withHint(String hint) {
        return new BadRequestException(field, detail + hint, this);
    }
}
