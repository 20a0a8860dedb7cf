package org.entente;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules core is plain Java: the events, commands, rules and dates know nothing of Spring, Axon,
 * Jackson or a database, so the what-if engine runs the very same rules without a framework in the loop.
 */
@AnalyzeClasses(packages = "org.entente", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule rulesCoreIsFrameworkFree = noClasses()
            .that().resideInAnyPackage("org.entente.relation.rules..", "org.entente.relation.events..",
                    "org.entente.relation.commands..", "org.entente.relation.facts..", "org.entente.time..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                    "com.fasterxml..", "jakarta..", "javax.persistence..", "java.sql..", "javax.sql..")
            .as("the rules core depends on no framework");

    @ArchTest
    static final ArchRule rulesCoreDoesNotReachOutwards = noClasses()
            .that().resideInAnyPackage("org.entente.relation.rules..", "org.entente.relation.events..",
                    "org.entente.relation.commands..", "org.entente.relation.facts..", "org.entente.time..")
            .should().dependOnClassesThat().resideInAnyPackage("org.entente.status..", "org.entente.history..",
                    "org.entente.api..", "org.entente.store..", "org.entente.replay..", "org.entente.eventlog..",
                    "org.entente.stepthrough..", "org.entente.web..")
            .as("the rules core depends on no feature built on it");
}
