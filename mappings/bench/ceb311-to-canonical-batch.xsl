<?xml version="1.0" encoding="UTF-8"?>
<!--
  For the benchmark's stock-Camel reference route only (`bench`): the project's CEB311 stylesheet
  makes one canonical document per order, which a single xslt-saxon: step cannot hand on as one
  message; this wraps them in one c:Batch, which the canonical schema and the CEB311
  from-canonical stylesheet both take. No other change: the orders are the imported stylesheet's.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    exclude-result-prefixes="#all">

  <xsl:import href="../ceb311/to-canonical.xsl"/>

  <xsl:template match="/" priority="10">
    <c:Batch>
      <xsl:apply-imports/>
    </c:Batch>
  </xsl:template>
</xsl:stylesheet>
