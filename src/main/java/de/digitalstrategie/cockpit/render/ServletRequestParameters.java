package de.digitalstrategie.cockpit.render;

import com.atlassian.core.filters.ServletContextThreadLocal;

import javax.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of the Confluence page request the current thread serves. */
public class ServletRequestParameters implements RequestParameters {
    @Override
    public String contextPath() {
        HttpServletRequest request = ServletContextThreadLocal.getRequest();
        return request == null || request.getContextPath() == null ? "" : request.getContextPath();
    }

    @Override
    public Map<String, List<String>> all() {
        HttpServletRequest request = ServletContextThreadLocal.getRequest();
        Map<String, List<String>> all = new LinkedHashMap<>();
        if (request != null) {
            request.getParameterMap().forEach((k, v) -> all.put(k, Arrays.asList(v)));
        }
        return all;
    }
}
