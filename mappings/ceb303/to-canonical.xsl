<?xml version="1.0" encoding="UTF-8"?>
<!--
  CEB303 (China export e-order, 出口电子订单) to canonical Order documents, one per ceb:Order.
  The input has been validated against xsd/ceb/ceb303.xsd; the output is validated against the
  canonical schema. Strings are copied as they are (whitespace included); numbers keep their
  lexical form; codes are normalised through mappings/codelists; empty optional elements carry no
  value and are left out.

  Export specifics: the order is an EXPORT order whose orderType (E, B, W) is kept as the
  direction's sourceCode; the message names no customs procedure, so none is set. ebpCode 无 (an
  overseas platform without a customs code) is a platform without identifier. The export schema
  lets orderNo and itemName be empty; the canonical order needs both and says so.
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

  <xsl:variable name="partner-id" select="($partner[.], normalize-space(/ceb:CEB303Message/ceb:BaseTransfer/ceb:copCode))[1]"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB303Message/ceb:Order"/>
  </xsl:template>

  <xsl:template match="ceb:Order">
    <xsl:variable name="h" select="ceb:OrderHead"/>
    <xsl:variable name="order-no" select="cebc:required($h/ceb:orderNo, 'the order number is the key of the order')"/>
    <xsl:variable name="app-status" select="cebc:or-default($h/ceb:appStatus, '1')"/>
    <xsl:variable name="currency" select="cebc:currency($h/ceb:currency)"/>
    <xsl:document>
      <c:Order>
        <c:Header>
          <c:RecordId><xsl:value-of select="$partner-id || ':' || $order-no"/></c:RecordId>
          <c:Function sourceCode="{$h/ceb:appType}"><xsl:value-of select="cebc:coded($cebc:functions, $h/ceb:appType)"/></c:Function>
          <c:FilingStatus sourceCode="{$app-status}"><xsl:value-of select="cebc:coded($cebc:filing, $app-status, $h/ceb:appStatus)"/></c:FilingStatus>
          <c:IssueDateTime><xsl:value-of select="cebc:date-time($h/ceb:appTime)"/></c:IssueDateTime>
          <xsl:call-template name="cebc:source">
            <xsl:with-param name="format" select="'ceb303'"/>
            <xsl:with-param name="partner" select="$partner-id"/>
            <xsl:with-param name="record-guid" select="string($h/ceb:guid)"/>
            <xsl:with-param name="index" select="count(preceding-sibling::ceb:Order) + 1"/>
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="received-at" select="$received-at"/>
          </xsl:call-template>
        </c:Header>
        <c:OrderNumber><xsl:value-of select="$order-no"/></c:OrderNumber>
        <c:TradeDirection sourceCode="{$h/ceb:orderType}">
          <xsl:value-of select="if ($h/ceb:orderType = $cebc:export-order-types) then 'EXPORT'
              else error(xs:QName('err:VALUE_INVALID'), 'orderType &quot;' || $h/ceb:orderType || '&quot; must be E, B or W in an export order', $h/ceb:orderType)"/>
        </c:TradeDirection>
        <xsl:sequence select="cebc:enterprise('PLATFORM', $h/ceb:ebpCode, $h/ceb:ebpName)"/>
        <xsl:sequence select="cebc:enterprise('SELLER', $h/ceb:ebcCode, $h/ceb:ebcName)"/>
        <c:GoodsValue currency="{$currency}"><xsl:value-of select="normalize-space($h/ceb:goodsValue)"/></c:GoodsValue>
        <c:Freight currency="{$currency}"><xsl:value-of select="cebc:or-default($h/ceb:freight, '0') => normalize-space()"/></c:Freight>
        <xsl:for-each select="$h/ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
        <xsl:apply-templates select="ceb:OrderList"/>
      </c:Order>
    </xsl:document>
  </xsl:template>

  <xsl:template match="ceb:OrderList">
    <xsl:variable name="currency" select="cebc:currency(ceb:currency)"/>
    <c:Line>
      <c:LineNumber><xsl:value-of select="normalize-space(ceb:gnum)"/></c:LineNumber>
      <xsl:for-each select="ceb:itemNo[string()]"><c:Sku><xsl:value-of select="."/></c:Sku></xsl:for-each>
      <c:Title><xsl:value-of select="cebc:required(ceb:itemName, 'an order line needs the name of its goods')"/></c:Title>
      <xsl:for-each select="ceb:itemDescribe[string()]"><c:Description><xsl:value-of select="."/></c:Description></xsl:for-each>
      <xsl:for-each select="ceb:barCode[string()]"><c:Barcode><xsl:value-of select="."/></c:Barcode></xsl:for-each>
      <c:Quantity unitCode="{cl:unece-unit(ceb:unit, ceb:unit)}" sourceUnitCode="{ceb:unit}"><xsl:value-of select="normalize-space(ceb:qty)"/></c:Quantity>
      <c:UnitPrice currency="{$currency}"><xsl:value-of select="normalize-space(ceb:price)"/></c:UnitPrice>
      <c:LineAmount currency="{$currency}"><xsl:value-of select="normalize-space(ceb:totalPrice)"/></c:LineAmount>
      <xsl:for-each select="ceb:note[string()]"><c:Note><xsl:value-of select="."/></c:Note></xsl:for-each>
    </c:Line>
  </xsl:template>
</xsl:stylesheet>
