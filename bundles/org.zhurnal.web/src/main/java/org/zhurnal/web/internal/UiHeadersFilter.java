package org.zhurnal.web.internal;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * Module pages under {@code /ui/} are served by each module's own whiteboard resources; this filter
 * gives them the same security headers as the shell (strict CSP, no framing by other sites, no sniffing).
 */
@Component(service = Filter.class, property = {"osgi.http.whiteboard.filter.pattern=/ui/*",
        "osgi.http.whiteboard.filter.name=zhurnal-ui-headers"})
public class UiHeadersFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            StaticServlet.headers(http);
            http.setHeader("Cache-Control", "no-cache");
        }
        chain.doFilter(request, response);
    }
}
