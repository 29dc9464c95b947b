package org.parley.sip.servlet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which initial requests a servlet gets: those whose Request-URI user part is one of {@link #users()}
 * (compared case-insensitively), or, for the default servlet, those no other servlet takes. In-dialog
 * requests always go to the servlet that got the dialog's first request.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SipServletMapping {

    String[] users() default {};

    /** Take the requests that no user mapping matches (at most one servlet per connector). */
    boolean defaultServlet() default false;
}
