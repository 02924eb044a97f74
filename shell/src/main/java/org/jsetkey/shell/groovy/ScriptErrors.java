package org.jsetkey.shell.groovy;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.runtime.InvokerInvocationException;
import org.codehaus.groovy.runtime.StackTraceUtils;
import org.codehaus.groovy.syntax.SyntaxException;
import org.jsetkey.shell.command.CommandOutput;
import org.jsetkey.shell.command.Session;

/** Turns a script's exception into {@code FILE:LINE: message}, the line being the script's own. */
final class ScriptErrors {
    private ScriptErrors() {
    }

    /**
     * Prints a failure: the {@code FILE:LINE: message}, and with {@code set debug on} the stack
     * trace of the exception behind it (Groovy's internal frames left out).
     */
    static void report(ScriptFailedException failure, Session session, CommandOutput output) {
        output.errorln(failure.getMessage());
        if (session.debug() && failure.getCause() != null) {
            Throwable t = StackTraceUtils.deepSanitize(failure.getCause());
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            output.err(trace.toString());
        }
    }

    /**
     * @param fileName the script's file name as its stack frames show it, or null to use the
     *                 first frame of any Groovy script
     */
    static String describe(Throwable t, String fileName) {
        Throwable e = unwrap(t);
        StackTraceElement where = scriptFrame(e, fileName);
        String message = message(e);
        if (where == null) {
            return message;
        }
        return where.getFileName() + ":" + where.getLineNumber() + ": " + message;
    }

    static String message(Throwable t) {
        Throwable e = unwrap(t);
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        if (e instanceof SetkeyException) {
            return "setkey: " + m;
        }
        return m.strip();
    }

    static String describeCompilation(CompilationFailedException e) {
        if (e instanceof MultipleCompilationErrorsException multiple) {
            StringBuilder sb = new StringBuilder();
            for (Message m : multiple.getErrorCollector().getErrors()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                if (m instanceof SyntaxErrorMessage s) {
                    SyntaxException se = s.getCause();
                    sb.append(shortName(se.getSourceLocator())).append(':').append(se.getLine()).append(':')
                            .append(se.getStartColumn()).append(": ").append(se.getOriginalMessage());
                } else {
                    java.io.StringWriter w = new java.io.StringWriter();
                    m.write(new java.io.PrintWriter(w));
                    sb.append(w.toString().strip());
                }
            }
            return sb.toString();
        }
        return e.getMessage();
    }

    private static String shortName(String locator) {
        if (locator == null) {
            return "script";
        }
        int slash = Math.max(locator.lastIndexOf('/'), locator.lastIndexOf('\\'));
        return locator.substring(slash + 1);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while (e instanceof InvokerInvocationException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static StackTraceElement scriptFrame(Throwable t, String fileName) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            for (StackTraceElement s : e.getStackTrace()) {
                String f = s.getFileName();
                if (f == null || s.getLineNumber() <= 0) {
                    continue;
                }
                if (fileName != null ? f.equals(fileName) : f.endsWith(".groovy") || f.equals(ScriptHost.CONSOLE_SOURCE)) {
                    return s;
                }
            }
        }
        return null;
    }
}
