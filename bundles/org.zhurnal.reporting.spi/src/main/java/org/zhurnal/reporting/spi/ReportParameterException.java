package org.zhurnal.reporting.spi;

/** A parameter value that does not fit the report; the platform answers 400 naming the parameter. */
public class ReportParameterException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    public ReportParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** @return the parameter's name */
    public String parameter() {
        return parameter;
    }
}
