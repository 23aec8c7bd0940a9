package de.digitalstrategie.cockpit.sandbox.host;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The host's service registry as the plugin sees it: one service per interface, offered by the host,
 * each handed to the plugin the way Gemini Blueprint hands an {@code osgi:reference} over, as a proxy
 * that implements that interface and nothing else. So the plugin cannot reach past the interface
 * (cast to the host's class, call its other methods), which it cannot in Confluence either.
 * Adding a host service is one {@link #offer} call.
 */
public final class HostServices {
    private final Map<Class<?>, Object> services = new LinkedHashMap<>();

    /** Offers {@code service} under {@code type}; a second offer of the same interface is a mistake. */
    public <T> HostServices offer(Class<T> type, T service) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException("host services are offered by interface: " + type.getName());
        }
        if (services.putIfAbsent(type, type.cast(service)) != null) {
            throw new IllegalStateException("offered twice: " + type.getName());
        }
        return this;
    }

    public Set<Class<?>> offered() {
        return services.keySet();
    }

    /**
     * The service behind an {@code osgi:reference interface="..."}, as a proxy of that interface
     * alone; fails when the host offers none, as a mandatory reference keeps the plugin from starting.
     */
    Object reference(Class<?> type) {
        Object service = services.get(type);
        if (service == null) {
            throw new IllegalStateException("the host offers no service " + type.getName()
                    + " (an osgi:reference the plugin's Spring context needs)");
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "host service " + type.getName();
                    default -> method.invoke(service, args);
                };
            }
            try {
                return method.invoke(service, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
