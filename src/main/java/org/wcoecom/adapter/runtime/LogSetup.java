package org.wcoecom.adapter.runtime;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apache.logging.log4j.core.appender.rolling.DefaultRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.SizeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.wcoecom.adapter.settings.Settings;

/**
 * The log as the settings ask: text (log4j2.properties' pattern, which writes line breaks a partner
 * sent as \n) or JSON (one object a line, Elastic Common Schema, the logging context flattened into
 * it), on the console or, with adapter.log.file, in a file rolled over by size.
 */
public final class LogSetup {

    private static final String CONSOLE = "console";
    private static final String APPENDER = "adapter-log";

    private LogSetup() {
    }

    public static void apply(Settings settings) {
        String format = settings.optional("adapter.log.format").orElse("text").trim().toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("adapter.log.format must be text or json, not '" + format + "'");
        }
        Optional<String> file = settings.optional("adapter.log.file");
        if (format.equals("text") && file.isEmpty()) {
            return;
        }
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        Appender console = config.getAppender(CONSOLE);
        Layout<?> layout = format.equals("json")
                ? JsonTemplateLayout.newBuilder().setConfiguration(config).setEventTemplateUri("classpath:EcsLayout.json").build()
                : console != null ? console.getLayout() : PatternLayout.createDefaultLayout(config);
        Appender appender;
        if (file.isPresent()) {
            Path path = settings.home().resolve(file.get()).toAbsolutePath();
            appender = RollingFileAppender.newBuilder().setName(APPENDER).setConfiguration(config).setLayout(layout)
                    .withFileName(path.toString()).withFilePattern(path + ".%i")
                    .withPolicy(SizeBasedTriggeringPolicy.createPolicy(settings.get("adapter.log.file-max-size")))
                    .withStrategy(DefaultRolloverStrategy.newBuilder().withConfig(config).withMax(settings.get("adapter.log.file-count")).build())
                    .build();
        } else {
            appender = ConsoleAppender.newBuilder().setName(APPENDER).setConfiguration(config).setLayout(layout)
                    .setTarget(ConsoleAppender.Target.SYSTEM_ERR).build();
        }
        appender.start();
        config.addAppender(appender);
        for (LoggerConfig logger : config.getLoggers().values()) {
            if (logger.getAppenders().containsKey(CONSOLE)) {
                logger.removeAppender(CONSOLE);
                logger.addAppender(appender, null, null);
            }
        }
        LoggerConfig root = config.getRootLogger();
        if (!root.getAppenders().containsKey(APPENDER)) {
            root.removeAppender(CONSOLE);
            root.addAppender(appender, null, null);
        }
        context.updateLoggers();
    }

    /** Back to log4j2.properties (for tests that changed the log). */
    public static void reset() {
        ((LoggerContext) LogManager.getContext(false)).reconfigure();
    }
}
