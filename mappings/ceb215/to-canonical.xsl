<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB215 (China export return tally detail, 理货明细单) to one canonical GoodsReturn document (stage
  TALLY, direction EXPORT: the direction of the inventory the goods left under) per
  ceb:InvtRefundDetail. The input has been validated against xsd/ceb/ceb215.xsd; the output is
  validated against the canonical schema. Strings are copied as they are (whitespace included);
  empty optional elements carry no value and are left out. The signature is not read.

  A tally is by parcel: the waybill the goods came back under (logisticsNo, TransportDocument, the
  record key: an empty one is refused), its bill (billNo, MasterDocument), the export inventory when
  named (invtNo, DeclarationReference INVENTORY_NUMBER), the transport (trafMode, trafName,
  voyageNo), where the goods are stored (location, StorageLocation); no goods lines. coElNo is the
  tally's own number, preNo the E-port's. The site operator is the WAREHOUSE_KEEPER, the carrier the
  LOGISTICS_OPERATOR. ieFlag must be I (an export return comes in).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:adapter="urn:wco-ecom-adapter:engine"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>
  <xsl:include href="../common/adapter.xsl"/>

  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB215Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB215Message/ceb:InvtRefundDetail"/>
  </xsl:template>

  <xsl:template match="ceb:InvtRefundDetail">
    <xsl:variable name="waybill" select="cebc:required(ceb:logisticsNo, 'the waybill the goods came back under is the tally''s key')"/>
    <xsl:if test="ceb:ieFlag ne 'I'">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'ieFlag &quot;' || ceb:ieFlag || '&quot; must be I: the goods of an export return come in', ceb:ieFlag)"/>
    </xsl:if>
    <xsl:document>
      <c:GoodsReturn>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || adapter:record-key(.)"/></c:RecordId>
          <c:Function sourceCode="{ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{ceb:appStatus}"><xsl:value-of select="cebc:coded($cebc:filing, ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time(ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb215'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string(ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:InvtRefundDetail) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <c:TradeDirection>EXPORT</c:TradeDirection>
        <c:Stage>TALLY</c:Stage>
        <xsl:for-each select="ceb:coElNo[string()]"><c:LocalReference><xsl:value-of select="."/></c:LocalReference></xsl:for-each>
        <xsl:for-each select="ceb:preNo[string()]"><c:CustomsReference type="PRE_ENTRY_NUMBER"><xsl:value-of select="."/></c:CustomsReference></xsl:for-each>
        <c:DeclarationOffice><xsl:value-of select="ceb:customsCode"/></c:DeclarationOffice>
        <c:DeclarationReference>
          <xsl:for-each select="ceb:invtNo[string()]"><c:Reference type="INVENTORY_NUMBER"><xsl:value-of select="."/></c:Reference></xsl:for-each>
        </c:DeclarationReference>
        <c:TransportDocument type="HOUSE"><xsl:value-of select="$waybill"/></c:TransportDocument>
        <xsl:for-each select="ceb:billNo[string()]"><c:MasterDocument type="MASTER"><xsl:value-of select="."/></c:MasterDocument></xsl:for-each>
        <c:Transport>
          <c:Mode scheme="CN-TRANSPORT-MODE"><xsl:value-of select="cebc:code-value(ceb:trafMode)"/></c:Mode>
          <xsl:for-each select="ceb:trafName[string()]"><c:ConveyanceName><xsl:value-of select="."/></c:ConveyanceName></xsl:for-each>
          <xsl:for-each select="ceb:voyageNo[string()]"><c:ConveyanceReference><xsl:value-of select="."/></c:ConveyanceReference></xsl:for-each>
        </c:Transport>
        <xsl:sequence select="cebc:enterprise('WAREHOUSE_KEEPER', ceb:operatorCode, ceb:operatorName)"/>
        <xsl:sequence select="cebc:enterprise('LOGISTICS_OPERATOR', ceb:logisticsCode, ceb:logisticsName)"/>
        <xsl:for-each select="ceb:location[string()]"><c:StorageLocation><xsl:value-of select="."/></c:StorageLocation></xsl:for-each>
        <xsl:for-each select="ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:GoodsReturn>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
