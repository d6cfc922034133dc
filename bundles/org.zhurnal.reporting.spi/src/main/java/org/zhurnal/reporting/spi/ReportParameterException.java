package org.zhurnal.reporting.spi;

/**
 * A parameter value that does not fit the report; the platform answers 400 naming the parameter, in Russian to a
 * caller who reads Russian when the plug-in gave a Russian message, else in English.
 */
public class ReportParameterException extends RuntimeException {
    private static final long serialVersionUID = 2L;
    private final String parameter;
    private final String russianMessage;

    public ReportParameterException(String parameter, String message) {
        this(parameter, message, null);
    }

    /**
     * @param message the English message
     * @param russianMessage the same in Russian, as the school's UI shows it (may be {@code null})
     * @since 1.2
     */
    public ReportParameterException(String parameter, String message, String russianMessage) {
        super(message);
        this.parameter = parameter;
        this.russianMessage = russianMessage;
    }

    /** @return the parameter's name */
    public String parameter() {
        return parameter;
    }

    /** @return the Russian message, or {@code null} when the plug-in gave none */
    public String russianMessage() {
        return russianMessage;
    }
}
