<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB818 (China customs electronic tax bill status, 电子税单状态) to canonical TaxBill documents that
  carry the status alone, one per ceb:Tax. The input has been validated against xsd/ceb/ceb818.xsd;
  the output is validated against the canonical schema. The message comes from customs: the partner
  is "customs" unless given. The record id is <partner>:<taxNo>/<status>, so each change of a
  bill's status is a record of its own.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:tb="urn:wco-ecom-adapter:ceb-tax-bill"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-tax-bill.xsl"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB818Message/ceb:Tax"/>
  </xsl:template>

  <xsl:template match="ceb:Tax">
    <xsl:variable name="h" select="ceb:TaxHeadStatus"/>
    <xsl:document>
      <c:TaxBill>
        <xsl:call-template name="tb:header">
          <xsl:with-param name="head" select="$h"/>
          <xsl:with-param name="format" select="'ceb818'"/>
          <xsl:with-param name="record-key" select="$h/ceb:taxNo || '/' || $h/ceb:status"/>
        </xsl:call-template>
        <c:TaxBillNumber><xsl:value-of select="$h/ceb:taxNo"/></c:TaxBillNumber>
        <xsl:sequence select="tb:status($h/ceb:status)"/>
        <c:DeclarationReference>
          <c:Reference type="INVENTORY_NUMBER"><xsl:value-of select="$h/ceb:invtNo"/></c:Reference>
        </c:DeclarationReference>
        <xsl:for-each select="$h/ceb:entDutyNo[string()]"><c:PaymentNoticeNumber><xsl:value-of select="."/></c:PaymentNoticeNumber></xsl:for-each>
        <xsl:sequence select="tb:party('GUARANTOR', $h/ceb:assureCode)"/>
      </c:TaxBill>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
