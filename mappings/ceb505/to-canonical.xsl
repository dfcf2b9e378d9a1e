<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB505 (China export waybill, 出口运单) to canonical Shipment documents, one per ceb:Logistics.
  The input has been validated against xsd/ceb/ceb505.xsd; the output is validated against the
  canonical schema. Strings are copied as they are (whitespace included); numbers keep their
  lexical form; codes are normalised through mappings/codelists; empty optional elements carry no
  value and are left out.

  An EXPORT shipment: the carrier is the LOGISTICS_OPERATOR, the e-commerce enterprise (ebcCode,
  ebcName, ebcTelephone, all optional) the CONSIGNOR. The export waybill names no order and no
  consignee. Its waybill number is its key: an empty one is refused. A carrier that knows the order
  a parcel is for names it at the start of the note, "orderNo:<number>": it becomes the Shipment's
  OrderNumber (the note is kept as written), so that the export three-document check can meet the
  waybill with its order and receipt of payment.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:cl="urn:wco-ecom-adapter:codelists"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>

  <!-- the partner the message came from; the sender code (copCode) when not given -->
  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB505Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB505Message/ceb:Logistics"/>
  </xsl:template>

  <xsl:template match="ceb:Logistics">
    <xsl:variable name="waybill" select="cebc:required(ceb:logisticsNo, 'the waybill number is the key of the waybill')"/>
    <xsl:variable name="app-status" select="cebc:or-default(ceb:appStatus, '2')"/>
    <xsl:variable name="currency" select="cebc:currency(ceb:currency)"/>
    <xsl:document>
      <c:Shipment>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || $waybill"/></c:RecordId>
          <c:Function sourceCode="{ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{$app-status}"><xsl:value-of select="cebc:coded($cebc:filing, $app-status, ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time(ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb505'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string(ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:Logistics) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <c:TransportDocument type="HOUSE"><xsl:value-of select="$waybill"/></c:TransportDocument>
        <xsl:for-each select="ceb:note[matches(., '^\s*orderNo:\s*[^\s;]')]">
          <c:OrderNumber><xsl:value-of select="replace(., '^\s*orderNo:\s*([^\s;]+).*$', '$1', 's')"/></c:OrderNumber>
        </xsl:for-each>
        <c:TradeDirection>EXPORT</c:TradeDirection>
        <xsl:sequence select="cebc:enterprise('LOGISTICS_OPERATOR', ceb:logisticsCode, ceb:logisticsName)"/>
        <xsl:if test="(ceb:ebcCode, ceb:ebcName, ceb:ebcTelephone)[string()]">
          <c:Party role="CONSIGNOR">
            <xsl:for-each select="ceb:ebcName[string()]"><c:Name><xsl:value-of select="."/></c:Name></xsl:for-each>
            <xsl:for-each select="ceb:ebcCode[string()]"><c:Identifier scheme="CN-CUSTOMS"><xsl:value-of select="."/></c:Identifier></xsl:for-each>
            <c:TypeOfPerson>LEGAL</c:TypeOfPerson>
            <xsl:for-each select="ceb:ebcTelephone[string()]"><c:Communication type="TE"><xsl:value-of select="."/></c:Communication></xsl:for-each>
          </c:Party>
        </xsl:if>
        <c:Freight currency="{$currency}"><xsl:value-of select="normalize-space(ceb:freight)"/></c:Freight>
        <c:Insurance currency="{$currency}"><xsl:value-of select="normalize-space(ceb:insuredFee)"/></c:Insurance>
        <c:GrossWeight><xsl:value-of select="normalize-space(ceb:grossWeight)"/></c:GrossWeight>
        <c:PackageCount>
          <xsl:value-of select="if (xs:integer(ceb:packNo) ge 0) then normalize-space(ceb:packNo)
              else error(xs:QName('err:VALUE_INVALID'), 'packNo &quot;' || ceb:packNo || '&quot; must not be negative', ceb:packNo)"/>
        </c:PackageCount>
        <xsl:for-each select="ceb:goodsInfo[string()]"><c:ContentSummary><xsl:value-of select="."/></c:ContentSummary></xsl:for-each>
        <xsl:for-each select="ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
      </c:Shipment>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
