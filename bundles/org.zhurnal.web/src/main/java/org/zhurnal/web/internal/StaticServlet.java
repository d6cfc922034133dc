package org.zhurnal.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.ZhurnalConstants;

/**
 * Serves the shell's static files from this bundle's {@code /web} folder at the root of the site;
 * {@code /} is the shell itself. Module pages live under {@code /ui/<module>/} (their own whiteboard
 * resources, which take precedence as longer paths). Sets the security headers of every page.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.name=zhurnal-web"})
public class StaticServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=UTF-8", "js",
            "text/javascript;charset=UTF-8", "css", "text/css;charset=UTF-8", "json", "application/json;charset=UTF-8",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

    private final transient BundleContext context;

    @Activate
    public StaticServlet(BundleContext context) {
        this.context = context;
    }

    /**
     * Requests under {@code /api/} reach this servlet only while the REST servlet is not registered (the platform is
     * starting, or the API watch is registering it again): they get a 503 problem with {@code Retry-After}, whatever
     * their method, instead of this site's 404 page or a 405.
     */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        if (path.startsWith("/api/")) {
            headers(resp);
            resp.setStatus(503);
            resp.setHeader("Retry-After", "5");
            resp.setHeader("Cache-Control", "no-store");
            resp.setContentType("application/problem+json;charset=UTF-8");
            resp.getWriter().write("{\"type\":\"" + ZhurnalConstants.PROBLEM_TYPE_PREFIX + "unavailable\",\"title\":"
                    + "\"The API is not available yet\",\"status\":503,\"detail\":\"The platform is starting; try again in a few seconds\"}");
            return;
        }
        super.service(req, resp);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? req.getServletPath() : req.getServletPath() + req.getPathInfo();
        if (path == null || path.isEmpty() || "/".equals(path)) {
            path = "/index.html";
        } else if ("/favicon.ico".equals(path)) {
            path = "/favicon.svg"; // asked for by browsers on any page opened by itself
        }
        headers(resp);
        if (path.contains("..") || path.contains("//") || path.contains("\\")) {
            resp.sendError(404);
            return;
        }
        String ext = path.substring(path.lastIndexOf('.') + 1);
        URL url = context.getBundle().getEntry("/web" + path);
        String type = TYPES.get(ext);
        if (url == null || type == null) {
            resp.setStatus(404);
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().write("<!doctype html><meta charset=utf-8><title>404</title><p>Страница не найдена / Page not found. "
                    + "<a href=\"/\">Журнал</a>");
            return;
        }
        resp.setContentType(type);
        resp.setHeader("Cache-Control", "html".equals(ext) ? "no-cache" : "max-age=300");
        try (InputStream in = url.openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }

    static void headers(HttpServletResponse resp) {
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "SAMEORIGIN");
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'self'; form-action 'self'");
    }
}
