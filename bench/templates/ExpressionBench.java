import dev.cerulean.templates.DeploymentContext;
import dev.cerulean.templates.DeploymentPlan;
import dev.cerulean.templates.EvalContext;
import dev.cerulean.templates.Evaluator;
import dev.cerulean.templates.RuntimeResources;
import dev.cerulean.templates.TemplateEngine;
import dev.cerulean.templates.TemplateText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Template-language speed (issue 10, item 7): time to evaluate 10,000 expressions, and to plan and
 * evaluate a template with a 500-resource copy loop. Run with bench/templates/run.sh; prints medians
 * after a warm-up so the figures describe the JIT-compiled steady state.
 */
public class ExpressionBench {
    static final String[] SHAPES = {
            "[concat('st', uniqueString(resourceGroup().id, '%d'))]",
            "[format('{0}/{1}/{2}', 'acct', 'default', format('{0}{1}', 'logs', range(0, 3)[mod(%d, 3)]))]",
            "[resourceId('Microsoft.Storage/storageAccounts/blobServices', 'acct%d', 'default')]",
            "[if(and(not(empty('%d')), greater(%d, 5)), createObject('id', guid(subscription().id, '%d')), json('null'))]",
            "[toLower(replace(substring(concat('Prefix-', string(%d), '-Suffix'), 0, 10), '-', ''))]",
            "[union(createObject('a', %d), createObject('b', createArray(1, 2, 3)))['b'][1]]",
            "[length(split(join(createArray('a', 'b', '%d'), ','), ','))]",
            "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', guid('%d'))]",
    };

    public static void main(String[] args) {
        DeploymentContext dc = DeploymentContext.resourceGroup("72f988bf-86f1-41af-91ab-2d7cd011db47",
                "00000000-1111-2222-3333-444444444444", new DeploymentContext.ResourceGroup("rg1", "westus", null, null), "bench");
        EvalContext ctx = EvalContext.of(dc);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;

        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) distinct.add(SHAPES[i % SHAPES.length].replace("%d", Integer.toString(i)));
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) repeated.add(SHAPES[i % SHAPES.length].replace("%d", Integer.toString(i % 10)));

        double[] cold = new double[rounds], warm = new double[rounds], plan = new double[rounds];
        double[] coldCpu = new double[rounds], warmCpu = new double[rounds], planCpu = new double[rounds];
        String loop = "{\"resources\": [{\"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2022-09-01\","
                + " \"name\": \"[concat('st', copyIndex(), uniqueString(resourceGroup().id))]\", \"location\": \"[resourceGroup().location]\","
                + " \"sku\": {\"name\": \"Standard_LRS\"}, \"kind\": \"StorageV2\", \"properties\": {\"index\": \"[copyIndex()]\"},"
                + " \"copy\": {\"name\": \"accounts\", \"count\": 500}}]}";
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            // distinct texts: every expression is parsed (the parse cache is cleared first) and evaluated
            dev.cerulean.templates.expr.ExpressionParser.clearCache();
            long t0 = System.nanoTime(), c0 = CPU.getCurrentThreadCpuTime();
            for (String e : distinct) sink += Evaluator.string(e, ctx).size();
            cold[r] = (System.nanoTime() - t0) / 1e6;
            coldCpu[r] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
            t0 = System.nanoTime();
            c0 = CPU.getCurrentThreadCpuTime();
            for (String e : repeated) sink += Evaluator.string(e, ctx).size();
            warm[r] = (System.nanoTime() - t0) / 1e6;
            warmCpu[r] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
            t0 = System.nanoTime();
            c0 = CPU.getCurrentThreadCpuTime();
            DeploymentPlan p = TemplateEngine.plan(TemplateText.parse(loop), null, dc);
            for (var res : p.deployed()) sink += p.body(res, RuntimeResources.NONE).size();
            plan[r] = (System.nanoTime() - t0) / 1e6;
            planCpu[r] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        int from = rounds / 2; // second half: after warm-up
        System.out.println("wall clock median / min; thread CPU time median (the machine is shared: CPU time is what the work costs)");
        report("10,000 distinct expressions (parse + evaluate)", cold, coldCpu, from);
        report("10,000 expressions, parse cache warm (evaluate)", warm, warmCpu, from);
        report("500-resource copy loop, plan + all bodies", plan, planCpu, from);
        System.out.printf("first round (cold JVM): %.1f / %.1f / %.1f ms%n", cold[0], warm[0], plan[0]);
        if (sink == 42) System.out.println();
    }

    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    static void report(String what, double[] wall, double[] cpu, int from) {
        System.out.printf("%-50s wall %.1f / %.1f ms, CPU %.1f ms%n", what, median(wall, from), min(wall, from), median(cpu, from));
    }

    static double median(double[] v, int from) {
        double[] s = Arrays.copyOfRange(v, from, v.length);
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static double min(double[] v, int from) {
        return Arrays.stream(v, from, v.length).min().orElse(0);
    }
}
