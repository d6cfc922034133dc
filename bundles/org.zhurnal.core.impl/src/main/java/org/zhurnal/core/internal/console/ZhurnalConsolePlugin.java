package org.zhurnal.core.internal.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.stream.Collectors;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.ZhurnalConstants;

/**
 * A page of Karaf's web console (/system/console/zhurnal): Zhurnal modules and plug-ins with their
 * versions, states and the Zhurnal services each provides. The web console picks up plain servlets
 * registered with {@code felix.webconsole.label}.
 */
@Component(service = Servlet.class, property = {"felix.webconsole.label=zhurnal", "felix.webconsole.title=Zhurnal",
        "felix.webconsole.category=Zhurnal"})
public class ZhurnalConsolePlugin extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient BundleContext context;

    @Activate
    public ZhurnalConsolePlugin(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        PrintWriter out = resp.getWriter();
        out.println("<h2>Zhurnal modules and plug-ins</h2>");
        out.println("<table class='tablesorter nicetable' id='zhurnal-modules'><thead><tr><th>Bundle</th><th>Version</th>"
                + "<th>State</th><th>Zhurnal services</th></tr></thead><tbody>");
        for (Bundle b : context.getBundles()) {
            String bsn = b.getSymbolicName();
            if (bsn == null || !bsn.startsWith(ZhurnalConstants.BUNDLE_PREFIX)) {
                continue;
            }
            out.printf("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n", esc(bsn), esc(b.getVersion().toString()),
                    state(b), esc(services(b)));
        }
        out.println("</tbody></table>");
    }

    private static String services(Bundle b) {
        ServiceReference<?>[] refs = b.getRegisteredServices();
        if (refs == null) {
            return "";
        }
        return Arrays.stream(refs).flatMap(r -> Arrays.stream((String[]) r.getProperty(Constants.OBJECTCLASS)))
                .filter(c -> c.startsWith(ZhurnalConstants.BUNDLE_PREFIX)).map(c -> c.substring(c.lastIndexOf('.') + 1))
                .distinct().sorted().collect(Collectors.joining(", "));
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "Active";
            case Bundle.RESOLVED -> "Resolved";
            case Bundle.INSTALLED -> "Installed";
            default -> "Other (" + b.getState() + ")";
        };
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
