package org.entente.web;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Configuration;

/**
 * The web page is static (src/main/resources/static: index.html, css/, js/) and calls the API. The project's
 * docs are copied into the jar at build time and served under /docs/; Markdown is sent as UTF-8 plain text so
 * that a browser shows it instead of downloading it.
 */
@Configuration(proxyBeanMethods = false)
public class WebPageConfiguration implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {

    @Override
    public void customize(ConfigurableServletWebServerFactory factory) {
        MimeMappings markdown = new MimeMappings();
        markdown.add("md", "text/plain;charset=UTF-8");
        factory.addMimeMappings(markdown);
    }
}
